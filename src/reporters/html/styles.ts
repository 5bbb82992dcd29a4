/**
 * The page's only stylesheet, inline. System fonts only (nothing is fetched); colours from palette.ts;
 * in print, cards keep together and colours print as shown, on A4 or Letter alike (the page size is left
 * to the printer; only the margins are set).
 */
import { PAGE_COLOURS as C, STATUS_COLOURS } from './palette.js';

const statusRules = Object.entries(STATUS_COLOURS)
  .map(([status, c]) =>
    `.badge.s-${status},.tile-status.s-${status}{color:${c.text};background:${c.tint}}` +
    `.tile.s-${status},.flag.s-${status}{border-left-color:${c.mark}}`,
  )
  .join('\n');

export const STYLES = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:${C.page};color:${C.ink};font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
main{max-width:1240px;margin:0 auto;padding:24px}
h1,h2,h3,p,ul{margin:0}
h1{font-size:28px;line-height:1.2;margin:2px 0 4px}
h2{font-size:18px}
h3{font-size:14px;font-weight:600}
ul{padding:0;list-style:none}
.muted,.meta,.figures,.reason,.change,.details,.legend{color:${C.muted}}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:600;color:${C.muted}}
.card{background:${C.card};border:1px solid ${C.rule};border-radius:10px;padding:16px 18px;margin-bottom:16px;break-inside:avoid;page-break-inside:avoid}
.card-head{display:flex;justify-content:space-between;align-items:center;gap:12px;border-bottom:1px solid ${C.rule};padding-bottom:8px;margin-bottom:4px}
.num{display:inline-block;min-width:1.6em;color:${C.muted};font-weight:500}
.badge{display:inline-block;white-space:nowrap;border-radius:999px;padding:1px 9px;font-size:12.5px;font-weight:600;vertical-align:1px}
.masthead{margin-bottom:16px}
.verdict{margin:14px 0;padding:12px 16px;border-radius:10px;border:1px solid ${C.rule};background:${C.card};border-left-width:6px}
.verdict-failed{border-left-color:${STATUS_COLOURS.missed.mark}}
.verdict-passed{border-left-color:${STATUS_COLOURS.met.mark}}
.gate{font-weight:700;font-size:16px}
.verdict-failed .gate{color:${STATUS_COLOURS.missed.text}}
.verdict-passed .gate{color:${STATUS_COLOURS.met.text}}
.tripped li{margin-top:6px}
.no-flags{margin-top:4px}
.overview{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px}
.tile{display:flex;flex-direction:column;justify-content:space-between;gap:6px;height:100%;padding:10px 12px;background:${C.card};border:1px solid ${C.rule};border-left-width:6px;border-radius:8px;color:${C.ink};text-decoration:none}
.tile-title{font-weight:600;font-size:14px}
.tile-status{align-self:flex-start;border-radius:999px;padding:1px 9px;font-size:12.5px;font-weight:600}
.metrics{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;align-items:start}
.metrics .card{margin-bottom:0}
.measure{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,300px);gap:4px 16px;padding:10px 0;border-bottom:1px solid ${C.track}}
.measure:last-child{border-bottom:0;padding-bottom:0}
.figure{margin-top:2px}
.value{font-size:22px;font-weight:700;margin-right:6px}
.figures,.reason,.change,.details{font-size:12.5px}
.reason{font-style:italic}
.details{margin-top:2px}
.details li::before{content:"– "}
/* Ids, names, notes and file names come from the files: one longer than its column (no space to wrap at)
   wraps anywhere rather than pushing the page sideways. */
.details,.reason,.change,.fix{overflow-wrap:anywhere}
.measure-charts svg{display:block;width:100%;height:auto}
.flag svg.trend{display:block;width:100%;max-width:300px;height:auto}
svg text{font:10px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:${C.muted}}
svg .track{fill:${C.track}}
svg .target{stroke:${C.target};stroke-width:2.5}
svg .target-line{stroke:${C.target};stroke-width:1;stroke-dasharray:3 3}
svg .whisker{stroke:${C.ink};stroke-width:1.4;fill:none}
svg .axis{stroke:${C.rule};fill:none}
svg .grid{stroke:${C.track};fill:none}
svg .line{fill:none;stroke-width:2}
svg .km{fill:none;stroke:${C.curve};stroke-width:2.5}
svg .censor{stroke:${C.curve};stroke-width:1.2}
svg .mark{stroke:${C.muted};stroke-dasharray:4 3}
svg .mark-label{font-weight:600;fill:${C.ink};font-size:12px}
svg .axis-title{font-size:11px}
svg.km-chart text{font-size:12px}
svg.km-chart .mark-label{font-size:13px}
svg .empty{font-size:11px;font-style:italic}
.trend{margin-top:4px}
.km-body{display:grid;grid-template-columns:minmax(0,1fr) 260px;gap:20px;align-items:start;margin-top:8px}
.km-chart-box svg{display:block;width:100%;height:auto}
.km-value{font-size:30px;font-weight:700;line-height:1.1}
.km-figure{padding:8px 0;border-bottom:1px solid ${C.track}}
.km-figure:last-child{border-bottom:0}
.legend{font-size:12.5px;margin-top:6px}
.flag-grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:12px;margin-top:10px}
.flag{border:1px solid ${C.rule};border-left-width:6px;border-radius:8px;padding:10px 12px;break-inside:avoid;page-break-inside:avoid}
.flag h3{font-size:14.5px;margin-bottom:4px}
.fix{margin-top:6px;font-size:13.5px}
.inputs table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
.inputs th,.inputs td{text-align:left;padding:4px 8px;border-bottom:1px solid ${C.track}}
.table-box{overflow-x:auto}
.inputs td.file{overflow-wrap:anywhere;min-width:12ch}
.inputs .count{text-align:right}
.versions{font-size:12.5px}
${statusRules}
/* Two cards side by side need ~1100 px, or a measure's text is squeezed beside its charts; below 640 px the
   charts go under the text. Screens only: paper has its own layout below. */
@media screen and (max-width:1100px){.metrics,.flag-grid{grid-template-columns:minmax(0,1fr)}}
@media screen and (max-width:900px){.overview{grid-template-columns:repeat(2,minmax(0,1fr))}.km-body{grid-template-columns:minmax(0,1fr)}}
@media screen and (max-width:640px){main{padding:12px}.measure{grid-template-columns:minmax(0,1fr)}.measure-charts svg{max-width:360px}svg.km-chart text{font-size:16px}svg.km-chart .mark-label{font-size:16px}}
@page{margin:12mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:12px}
main{max-width:none;padding:0}
.metrics{display:block}
.metrics .card{margin-bottom:12px}
.card,.verdict,.tile{border-color:${C.rule}}
.overview{grid-template-columns:repeat(4,minmax(0,1fr))}
/* On paper the bullet and the trend sit side by side, so a card is short enough for two to share a page. */
.measure{grid-template-columns:minmax(0,1fr) 200px 165px;gap:0 12px;padding:6px 0}
main:not(:has(svg.trend)) .measure{grid-template-columns:minmax(0,1fr) 260px}
.measure-charts{display:contents}
.trend{margin-top:0}
svg.bullet text,svg.trend text{font-size:13px}
.flag svg.trend{max-width:165px}
svg.km-chart text{font-size:15px}
svg.km-chart .mark-label{font-size:16px}
h3{font-size:12.5px}
.value{font-size:18px}
.figures,.reason,.change,.details{font-size:11px}
.card{padding:12px 14px;margin-bottom:10px}
/* The red-flag and input lists may run over a page; each flag and each table row stays whole. */
.card.flags,.card.inputs{break-inside:auto;page-break-inside:auto}
.card-head,.inputs h2{break-after:avoid;page-break-after:avoid}
.inputs tr{break-inside:avoid}
/* The versions line stays with the table's last row, never alone on a last page. */
.inputs tr:last-child{break-after:avoid;page-break-after:avoid}
.versions{break-before:avoid;page-break-before:avoid}
.km-body{grid-template-columns:minmax(0,1fr) 200px}
h1{font-size:22px}
.verdict{margin:8px 0;padding:8px 12px}
.gate{font-size:14px}
.overview{gap:6px}
.tile{padding:6px 8px;gap:3px}
.tile-title{font-size:12px}
.masthead{margin-bottom:10px}
a{color:inherit;text-decoration:none}
}
`;
