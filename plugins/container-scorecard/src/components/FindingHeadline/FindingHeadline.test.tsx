import { render, screen } from '@testing-library/react';
import { FindingHeadline } from './FindingHeadline';

describe('FindingHeadline', () => {
  it('shows the message, then the cost with a minus sign and its spoken form', () => {
    const { container } = render(
      <FindingHeadline
        finding={{ message: 'The image runs as root', penalty: 20 }}
      />,
    );
    expect(container).toHaveTextContent(/^The image runs as root−20 points$/);
    expect(screen.getByLabelText('Costs 20 points')).toHaveTextContent(
      /^−20 points$/,
    );
  });

  it('says "point" for one and rounds to two decimals', () => {
    const { rerender } = render(
      <FindingHeadline finding={{ message: 'One', penalty: 1 }} />,
    );
    expect(screen.getByLabelText('Costs 1 point')).toHaveTextContent(
      /^−1 point$/,
    );
    rerender(
      <FindingHeadline finding={{ message: 'Thirds', penalty: 10 / 3 }} />,
    );
    expect(screen.getByLabelText('Costs 3.33 points')).toHaveTextContent(
      /^−3.33 points$/,
    );
  });

  it('shows only the message when the finding has no penalty', () => {
    const { container } = render(
      <FindingHeadline finding={{ message: 'Informational only' }} />,
    );
    expect(container).toHaveTextContent(/^Informational only$/);
    expect(screen.queryByLabelText(/^Costs/)).not.toBeInTheDocument();
  });
});
