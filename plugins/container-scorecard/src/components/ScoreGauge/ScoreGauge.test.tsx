import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ScoreGauge, SCORE_GAUGE_WIDTH_PX } from './ScoreGauge';

/** px of a CSS length as jsdom reports it (px or rem at the browser's default 16 px). */
function px(length: string): number {
  const value = parseFloat(length);
  return length.endsWith('rem') ? value * 16 : value;
}

describe('ScoreGauge', () => {
  it('keeps a perfect score of 100 inside the ring', async () => {
    await renderInTestApp(<ScoreGauge score={99.6} />);

    const number = screen.getByText('100');
    const box = screen.getByTestId('score-gauge');
    expect(getComputedStyle(box).width).toBe(`${SCORE_GAUGE_WIDTH_PX}px`);
    // The ring is 80% of the box and its stroke 12% of the ring on each side; a bold digit is
    // at most 0.7 em wide. (The end-to-end test measures the real layout in Chromium.)
    const hole = SCORE_GAUGE_WIDTH_PX * 0.8 * 0.76;
    const fontPx = px(getComputedStyle(number).fontSize);
    expect(fontPx).toBeGreaterThan(0);
    expect(3 * 0.7 * fontPx).toBeLessThan(hole);
  });

  it('rounds the score it shows', async () => {
    await renderInTestApp(<ScoreGauge score={71.4} />);
    expect(screen.getByText('71')).toBeInTheDocument();
  });
});
