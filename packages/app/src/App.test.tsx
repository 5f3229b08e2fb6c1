import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the sign-in page of the demo portal', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    // The whole app renders lazily; on a busy two-core machine that takes a few seconds, well
    // past waitFor's one-second default.
    await waitFor(
      () => {
        expect(
          rendered.getByRole('button', { name: 'Enter' }),
        ).toBeInTheDocument();
      },
      { timeout: 15_000 },
    );
  }, 30_000);
});
