import { it } from 'vitest';
import { parseHtml } from '../src/html/index.js';
it('x', () => {
  const html = `<html><head><title>Harbour ferries run at night | The Ledger</title>
      <meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">
      </head><body><h1>Harbour ferries run at night</h1>
      <p class="meta">Updated: 9 March 2024 · Published: 2 March 2024</p>
      <p>The port board voted on Tuesday to run the harbour ferries after midnight from the spring onwards.</p>
      <p>Late-shift workers had asked for the change for years, the board's chair said after the vote.</p>
      </body></html>`;
  parseHtml(html, { url: 'https://ledger.example/2024/03/02/ferries' });
});
