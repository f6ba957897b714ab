// A WebForms-style postback: the page submits with form.submit(), so no submit event fires.
document.getElementById('postback').addEventListener('click', () => {
  const form = document.querySelector('form');
  form.querySelector('[name=diplomaFile]').required = false;
  form.submit();
});
