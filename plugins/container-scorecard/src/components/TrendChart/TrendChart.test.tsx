import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { TrendChart } from './TrendChart';

const points = [
  { day: '2026-11-01', score: 40 },
  { day: '2026-11-02', score: 55.4 },
  { day: '2026-11-03', score: 72 },
];

describe('TrendChart', () => {
  it('shows the day and score under the pointer', async () => {
    await renderInTestApp(
      <TrendChart points={points} title="Entity score trend" />,
    );
    const chart = screen.getByRole('img', { name: /Entity score trend/ });
    chart.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: 640, height: 200 } as DOMRect);
    // The middle of the chart is the middle day.
    fireEvent.mouseMove(chart, { clientX: 320, clientY: 100 });
    expect(screen.getByTestId('trend-tooltip')).toHaveTextContent(
      '2026-11-02: 55',
    );
    fireEvent.mouseMove(chart, { clientX: 5, clientY: 100 });
    expect(screen.getByTestId('trend-tooltip')).toHaveTextContent(
      '2026-11-01: 40',
    );
    fireEvent.mouseLeave(chart);
    expect(screen.queryByTestId('trend-tooltip')).toBeNull();
  });

  it('walks the days from the keyboard and reads them out', async () => {
    await renderInTestApp(
      <TrendChart points={points} title="Entity score trend" />,
    );
    const chart = screen.getByRole('img', { name: /Entity score trend/ });
    fireEvent.focus(chart);
    expect(
      screen.getByText('2026-11-03: 72', { selector: 'span' }),
    ).toBeInTheDocument();
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(screen.getByTestId('trend-tooltip')).toHaveTextContent(
      '2026-11-02: 55',
    );
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(
      screen.getByText('2026-11-01: 40', { selector: 'span' }),
    ).toBeInTheDocument();
  });
});
