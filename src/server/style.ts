/**
 * The stylesheet of the web interface, served from STYLESHEET_PATH so the CSP needs no 'unsafe-inline'.
 * Single column, fluid, readable from 375 px phones up; status colours also carry a text label.
 */
export const STYLESHEET = `
:root {
  --text: #1d2125; --muted: #5b636b; --line: #d9dde1; --bg: #ffffff; --panel: #f6f7f8; --link: #0b57a4;
  --ok: #1f7a3a; --ok-bg: #e8f5ec; --single: #5b636b; --single-bg: #f0f1f2; --bad: #b3261e; --bad-bg: #fdecea;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
a { color: var(--link); overflow-wrap: anywhere; }
header.site, main, footer.site { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: .75rem; padding-bottom: .75rem; border-bottom: 1px solid var(--line); }
header.site a { font-weight: 700; text-decoration: none; color: var(--text); letter-spacing: .02em; }
footer.site { color: var(--muted); font-size: .85rem; padding-top: 2rem; padding-bottom: 2rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 1.25rem 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
p, li { overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: .9rem; }
.empty { color: var(--muted); font-style: italic; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.stories > li, ul.articles > li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
ul.stories a.title { font-weight: 600; font-size: 1.05rem; }
.claim { border-left: 4px solid var(--single); background: var(--single-bg); padding: .6rem .8rem; margin: .75rem 0; border-radius: 0 4px 4px 0; }
.claim--corroborated { border-left-color: var(--ok); background: var(--ok-bg); }
.claim--single-source { border-left-color: var(--single); background: var(--single-bg); }
.claim--conflicting { border-left-color: var(--bad); background: var(--bad-bg); }
.claim p.claim-text { margin: 0 0 .35rem; font-weight: 500; }
.status { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 .4rem; border-radius: 3px; color: #fff; background: var(--single); }
.status--corroborated { background: var(--ok); }
.status--conflicting { background: var(--bad); }
ul.sources { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .92rem; }
ul.sources li { margin: .2rem 0; }
.outlet { font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem .35rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { color: var(--muted); font-weight: 600; }
.table-wrap { overflow-x: auto; }
ol.timeline { padding-left: 1.1rem; }
ol.timeline li { margin: .4rem 0; }
time, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; }
article.text p { margin: 0 0 1rem; }
nav.pages { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; font-size: .92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 480px) {
  body { font-size: 15px; }
  h1 { font-size: 1.3rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
}
`;
