// Find the article inside a whole page copied from a browser: menus, share buttons,
// related links and the footer are dropped, and each drop is reported with its lines.
import { parseText } from 'nutgraf/text';

const page = `Skip to content
The Valley Ledger
  • News
  • Sport
Subscribe
Home > News > Local
Bridge repairs to close Mill Road for six weeks
Drivers face long detours from next Monday while crews replace the deck
By Tomasz Nowak
April 2, 2026
Share on Facebook
Mill Road bridge will close to all traffic for six weeks from Monday, the county said.
Advertisement
The bridge carries about 9,000 vehicles a day between the town centre and the estate.
Engineers found cracks in the deck during an inspection last autumn, officials said.
Related:
Ring road roundabout to get traffic lights
Privacy policy
© 2026 The Valley Ledger. All rights reserved.`;

const { article, diagnostics } = parseText(page);
console.log(`headline   ${article.headline}`);
console.log(`deck       ${article.alternativeHeadline}`);
console.log(`section    ${article.section?.path?.join(' › ')}`);
console.log(`byline     ${article.byline?.contributors.map((c) => c.name).join(', ')}`);
console.log(`published  ${article.datePublished}`);
console.log(`body       ${article.body.map((block) => block.text.slice(0, 40)).join(' | ')}`);
for (const d of diagnostics) {
  const { start, end } = d.place;
  console.log(`${d.severity.padEnd(5)} ${start.line}-${end.line}  ${d.message}  [${d.ruleId}]`);
}
