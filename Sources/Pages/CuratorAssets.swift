/// The curators' pages' own style sheet and script, served as files (`/static/curator.css`,
/// `/static/curator.js`): the pages hold no inline script, so the Content-Security-Policy allows
/// only scripts from the server itself.
public enum CuratorAssets {
    public static let style = """
        .drop{border:2px dashed #888;padding:1.2rem;text-align:center;margin:.6rem 0}
        .drop.over{background:#eef5fc}
        .chooser{position:absolute;width:1px;height:1px;opacity:0;overflow:hidden}
        .button{display:inline-block;padding:.45rem .9rem;border:1px solid #0b57a4;border-radius:.25rem;background:#0b57a4;color:#fff;cursor:pointer}
        .chooser:focus+.button{outline:3px solid #f0b400}
        #chosen{display:block;margin-top:.4rem;color:#555}
        ul.files{list-style:none;padding:0}
        li.file{border:1px solid #c8c8c8;padding:.5rem .7rem;margin:.6rem 0}
        li.file h3{font-size:1rem;margin:.1rem 0 .3rem}
        li.file form{margin:.2rem 0}
        .result{padding:.2rem .4rem;margin:.3rem 0}
        ul.groups{margin:.3rem 0;padding-left:1.2rem}
        ul.groups li.error strong{color:#9c0006}
        .table-box{max-height:70vh;overflow:auto;border:1px solid #c8c8c8}
        .table-box thead th{position:sticky;top:0;z-index:1}
        .upload{margin:.3rem 0}
        """

    public static let script = """
        (function () {
          'use strict';
          var main = document.querySelector('main[data-code]');
          if (!main) return;
          var code = main.dataset.code, csrf = main.dataset.csrf;
          var results = document.getElementById('results'), chosen = document.getElementById('chosen');
          var input = document.getElementById('files'), drop = document.getElementById('drop');

          function line(text, cls) {
            var p = document.createElement('p');
            p.className = 'upload' + (cls ? ' ' + cls : '');
            p.textContent = text;
            results.prepend(p);
            return p;
          }

          // Programmes and roadmaps name people of the other lists: sent after them, as the night
          // applies them after them.
          function rank(file) {
            var name = file.name.toLowerCase();
            return /програм|program|дорож|roadmap/.test(name) ? 1 : 0;
          }

          // The waiting files and the kept ones, as the server shows them now.
          function refresh() {
            return fetch('/school', { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
              var fresh = new DOMParser().parseFromString(html, 'text/html');
              ['waiting-section', 'kept-section'].forEach(function (id) {
                var now = document.getElementById(id), next = fresh.getElementById(id);
                if (now && next) now.replaceWith(document.importNode(next, true));
              });
            });
          }

          function send(file) {
            return new Promise(function (done) {
              var status = line(file.name + ': отправляется…');
              var request = new XMLHttpRequest();
              request.open('POST', '/api/v1/schools/' + encodeURIComponent(code) + '/files?name=' + encodeURIComponent(file.name));
              request.setRequestHeader('X-CSRF-Token', csrf);
              request.upload.onprogress = function (e) {
                if (e.lengthComputable) status.textContent = file.name + ': отправлено ' + Math.floor(100 * e.loaded / e.total) + ' %';
              };
              request.onload = function () {
                var answer = null;
                try { answer = JSON.parse(request.responseText); } catch (e) {}
                if (request.status === 200 && Array.isArray(answer)) {
                  var placed = request.getResponseHeader('X-Nastavnik-Placed');
                  var text = answer.map(function (v) {
                    return (v.sheet ? v.file + ' — лист «' + v.sheet + '»' : v.file) + ': ' + v.verdict +
                      ' (ошибок: ' + v.errors + ', предупреждений: ' + v.warnings + ')';
                  }).join('; ');
                  if (placed === 'kept') text += '. Файл не принят, поэтому ожидающий файл с тем же именем остался на месте.';
                  if (placed === 'pending') text += '. Файл будет принят после окончания ночной обработки.';
                  status.textContent = text;
                  status.className = 'upload ' + (answer.some(function (v) { return v.verdict === 'отклонён'; }) ? 's-overdue' : 's-done');
                } else {
                  status.textContent = file.name + ': ' + ((answer && answer.message) || ('ошибка ' + request.status));
                  status.className = 'upload s-overdue';
                }
                done();
              };
              request.onerror = request.ontimeout = function () {
                status.textContent = file.name + ': файл не отправлен — нет связи с сервером. Попробуйте ещё раз.';
                status.className = 'upload s-overdue';
                done();
              };
              request.send(file);
            });
          }

          function sendAll(list) {
            var files = Array.prototype.slice.call(list).sort(function (a, b) { return rank(a) - rank(b); });
            if (!files.length) return;
            chosen.textContent = files.map(function (f) { return f.name; }).join(', ');
            files.reduce(function (previous, file) {
              return previous.then(function () { return send(file); }).then(refresh);
            }, Promise.resolve()).then(function () { input.value = ''; });
          }

          input.addEventListener('change', function () { sendAll(input.files); });
          drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
          drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
          drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('over'); sendAll(e.dataTransfer.files); });
        })();

        """
}
