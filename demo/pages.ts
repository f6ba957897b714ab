/** The demo portal's own pages (index, login): plain HTML, no inline script or style. */
import { esc, type Definition } from './legacy-form.js';

export interface Person { personalId: string; name: string; parties: Array<{ enterpriseCode: string; name: string }> }

/** React/Vue example pages, by the procedure they serve. */
export const FRAMEWORK_PAGES: Record<string, string> = { '1.004616': 'practice.html', '2.000535': 'food-safety.html' };

const shell = (title: string, body: string, head = '') => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>${head}<link rel="stylesheet" href="/examples/legacy-page/legacy.css"></head>
<body>${body}</body></html>`;

/**
 * The one-tag embed as the legacy pages load it: on the index page it binds no form but hooks
 * the logout form (`data-oncefill-logout`), so logging out here clears oncefill's sessionStorage.
 */
const embed = (integrity: string) =>
  `<script src="/oncefill/oncefill.global.js" integrity="${esc(integrity)}" crossorigin="anonymous" data-oncefill-telemetry="/telemetry" data-oncefill-lang="vi" data-oncefill-assets="/oncefill/"></script>`;

export function indexPage(definitions: Definition[], who: string | undefined, head: string, integrity: string): string {
  const rows = definitions
    .map((d) => {
      const page = FRAMEWORK_PAGES[d.code];
      const frameworks = page
        ? ` · <a href="/examples/react-19/${page}">React 19</a> · <a href="/examples/react-18/${page}">React 18</a> · <a href="/examples/vue/${page}">Vue</a>`
        : '';
      const draft = d.status === 'draft' ? '<p class="draft" role="note">Bản nháp: định nghĩa chưa được đối chiếu đầy đủ với mẫu chính thức.</p>' : '';
      return `<li data-procedure="${esc(d.code)}"><h2><span class="code">${esc(d.code)}</span> ${esc(d.title.vi)}</h2>${draft}<p><a href="/legacy/${esc(d.code)}">Trang cũ (HTML, POST)</a>${frameworks}</p></li>`;
    })
    .join('\n');
  const session = who
    ? `<p>Đang đăng nhập: ${esc(who)}</p><form method="post" action="/logout" data-oncefill-logout><button>Đăng xuất</button></form>`
    : '<p><a href="/login">Đăng nhập (VNeID, bản thử)</a></p>';
  return shell(
    'Cổng dịch vụ công (bản thử) — oncefill',
    `<header>${session}</header><main><h1>Cổng dịch vụ công (bản thử)</h1>
<p>Sáu thủ tục của kế hoạch Hải Phòng, điền sẵn từ dữ liệu Nhà nước đã có. Mọi người và doanh nghiệp ở đây đều là hư cấu.</p>
<ul class="procedures">${rows}</ul><p><a href="/report">Báo cáo chỉ số</a> · <a href="/report.json">JSON</a></p></main>`,
    head + embed(integrity),
  );
}

export function loginPage(people: Person[], next: string, error?: string): string {
  const choices = people
    .map(
      (p, i) => `<fieldset><legend><label><input type="radio" name="citizen" value="${esc(p.personalId)}"${i === 0 ? ' checked required' : ''}> ${esc(p.name)}</label></legend>
<label>Thay mặt cho <select name="actingFor-${esc(p.personalId)}"><option value="">(chính mình)</option>${p.parties
        .map((b) => `<option value="${esc(b.enterpriseCode)}">${esc(b.name)}</option>`)
        .join('')}</select></label></fieldset>`,
    )
    .join('\n');
  return shell(
    'Đăng nhập — VNeID (bản thử)',
    `<main><h1>Đăng nhập bằng tài khoản định danh điện tử (bản thử)</h1>
<p>Trang này đứng thay cổng đăng nhập quốc gia: chọn một công dân hư cấu, và doanh nghiệp người đó đại diện nếu có.</p>
${error ? `<p class="errors" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/login"><input type="hidden" name="next" value="${esc(next)}">${choices}<p><button type="submit">Đăng nhập</button></p></form></main>`,
  );
}
