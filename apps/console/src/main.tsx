import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiError } from './api/client';
import { I18nProvider, loadEnglish, storedLang } from './i18n/i18n';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a dropped connection may.
      retry: (count, error) => !(error instanceof ApiError) && count < 3,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

const root = document.getElementById('root');
// Someone who chose English gets it from the first paint (its catalogue is a separate chunk).
const ready = storedLang() === 'en-US' ? loadEnglish().catch(() => undefined) : Promise.resolve();
if (root) {
  void ready.then(() =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider>
          <QueryClientProvider client={queries}>
            <BrowserRouter basename="/app">
              <App />
            </BrowserRouter>
          </QueryClientProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  );
}
