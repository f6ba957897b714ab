// The portal's own script (a file: the page's CSP allows no inline script). Repeated groups
// carry a <template data-row> whose names hold "#" for the row number; this adds rows when
// oncefill says a source has more entries ('rows:needed') or the citizen clicks "Thêm dòng".
function addRows(group, rows) {
  const box = document.getElementById(group);
  const list = box && box.querySelector('[data-rows]');
  const template = box && box.querySelector('template[data-row]');
  if (!list || !template) return;
  const max = Number(box.getAttribute('data-max-rows')) || 50;
  for (let i = list.children.length; i < Math.min(rows, max); i++) {
    const html = template.innerHTML
      .replace(/\[#\]/g, `[${i}]`)
      .replace(/-#-/g, `-${i}-`)
      .replace(/\(#\)/g, `(${i + 1})`)
      .replace(/"#"/g, `"${i}"`);
    list.insertAdjacentHTML('beforeend', html);
  }
}
document.addEventListener('rows:needed', (event) => addRows(event.detail.group, event.detail.rows));
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('[data-add-row]');
  if (!button) return;
  const group = button.getAttribute('data-add-row');
  addRows(group, document.querySelectorAll(`#${group} [data-rows] > *`).length + 1);
});
