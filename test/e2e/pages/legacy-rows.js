// A portal's own script (served as a file, as a strict CSP wants): adds the rows oncefill asks for.
document.addEventListener('rows:needed', (event) => {
  const { group, rows, present } = event.detail;
  const box = document.querySelector(`#${group} [data-rows]`);
  for (let i = present; i < rows; i++) {
    const p = document.createElement('p');
    const label = document.createElement('label');
    label.textContent = `Tên văn bằng ${i + 1} `;
    const input = document.createElement('input');
    input.name = `${group}[${i}].diplomaTitle`;
    label.append(input);
    p.append(label);
    box.append(p);
  }
});
