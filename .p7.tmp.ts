import { fromJsonLd } from './src/jsonld/from-json-ld.ts';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const n of (process.argv[2] ?? '1e4,1e5,1e6,2e6,4e6').split(',').map(Number)) {
  const more: Record<string, number> = {}; for (let i = 0; i < n / 12; i++) more[`k${i}`] = i;
  const input = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Night Ferries', ...more });
  const b = [Infinity, Infinity];
  for (let i = 0; i < (n > 1e6 ? 3 : 8); i++) {
    let t = cpu(); JSON.parse(input); b[0] = Math.min(b[0], cpu() - t);
    t = cpu(); fromJsonLd(input); b[1] = Math.min(b[1], cpu() - t);
  }
  console.log(n, 'JSON.parse', b[0].toFixed(1), 'fromJsonLd', b[1].toFixed(1), '÷', (b[1]/b[0]).toFixed(2));
}
