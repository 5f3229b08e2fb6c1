import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Page-level component tests render whole MUI pages and click through them; with jest's
// workers sharing two cores that can take longer than the defaults (5 s per test, 1 s for a
// findBy) without anything being wrong. A real hang or a missing element still fails, later.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });
