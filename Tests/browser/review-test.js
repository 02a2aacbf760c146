// Drives the audit review page (AuditReport.html) in headless Chromium for Scripts/check-html-report.sh.
// Injected into a copy of the page. Phase "#decide" makes decisions and edits as a curator would and checks search
// and filters; phase "#check", a second browser run on the same profile, checks that everything was restored from
// local storage and writes the review file the page would download into <pre id="review-out">.
(function () {
  const failures = [];
  function expect(ok, what) { if (!ok) failures.push(what); }
  const trs = Array.from(document.querySelectorAll('tr.row'));
  function rowOf(surface) { return trs.find(tr => tr.querySelector('.surface').textContent === surface); }
  function choose(tr, value) {
    const radio = Array.from(tr.querySelectorAll('input[type=radio]')).find(r => r.value === value);
    expect(radio, 'no choice "' + value + '"');
    if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change', { bubbles: true })); }
  }
  function type(tr, cls, value) {
    const e = tr.querySelector('.' + cls);
    e.value = value;
    e.dispatchEvent(new Event('input', { bubbles: true }));
  }
  function shown() { return trs.filter(tr => !tr.hidden).length; }
  function filter(id, value) {
    const e = document.getElementById(id);
    e.value = value;
    e.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const phase = location.hash.slice(1);
  const a = rowOf('Leitena Masudi'), b = rowOf('Ansel Brody'), c = rowOf('Quaylick'), d = rowOf('Tanaka Ichiro');
  expect(a && b && c && d, 'the example rows are not all there');
  if (phase === 'decide' && failures.length === 0) {
    choose(a, 'new');
    expect(a.classList.contains('new'), 'choosing "new" does not show the entity fields');
    type(a, 'type', 'person');
    type(a, 'given', 'Leitena');
    type(a, 'family', 'Masudi');
    type(a, 'aliases', 'Лейтена Масуди (ru)\nLeitena M.');
    // "alias of another entity" naming the entity the first row creates: offered in the list of ids.
    type(d, 'other', 'leitena-masudi');
    expect(d.querySelector('input[value="alias-of"]').checked, 'typing an id does not choose "alias of another entity"');
    expect(Array.from(document.querySelectorAll('#ids option')).some(o => o.value === 'leitena-masudi'),
           'the new row\'s id is not offered for "alias of"');
    const refuse = Array.from(c.querySelectorAll('input[type=radio]')).find(r => r.value.startsWith('not '));
    expect(refuse, 'no "not <id>" choice for a suggestion');
    if (refuse) { choose(c, refuse.value); type(c, 'near', 'port, envoy'); }
    choose(b, 'ignore');
    filter('search', 'leitena');
    expect(shown() === 1, 'search "leitena" shows ' + shown() + ' rows, not 1');
    filter('search', 'analyst');
    expect(shown() === 2, 'search "analyst" (in contexts) shows ' + shown() + ' rows, not 2');
    filter('search', '');
    filter('status-filter', 'ambiguous');
    expect(shown() === trs.filter(tr => tr.dataset.status === 'ambiguous').length, 'the status filter');
    filter('status-filter', '');
    filter('decided-filter', 'undecided');
    expect(shown() === 0, 'every row is decided, yet ' + shown() + ' are shown as undecided');
    filter('decided-filter', '');
    expect(/^4 of 4 rows decided$/.test(document.getElementById('summary').textContent), 'summary: ' + document.getElementById('summary').textContent);
  } else if (phase === 'check' && failures.length === 0) {
    expect(a.querySelector('input[value="new"]').checked, 'the "new" choice was not restored');
    expect(a.querySelector('.type').value === 'person', 'the edited type was not restored');
    expect(a.querySelector('.aliases').value.includes('Масуди'), 'the aliases were not restored');
    expect(d.querySelector('.other').value === 'leitena-masudi', 'the "alias of" id was not restored');
    expect(c.querySelector('.near').value === 'port, envoy', 'the "near" words were not restored');
    expect(/^4 of 4 rows decided$/.test(document.getElementById('summary').textContent), 'restored summary: ' + document.getElementById('summary').textContent);
    const out = document.createElement('pre');
    out.id = 'review-out';
    out.textContent = window.reviewLines();
    document.body.appendChild(out);
  } else if (failures.length === 0) {
    failures.push('unknown phase "' + phase + '"');
  }
  const result = document.createElement('div');
  result.id = 'test-result';
  result.textContent = failures.length ? 'FAIL: ' + failures.join('; ') : 'PASS ' + phase;
  document.body.appendChild(result);
})();
