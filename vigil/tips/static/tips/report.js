// Progressive enhancement only: without it the "Yes" link does the same job.
// Shows the emergency numbers as soon as the reporter ticks "in danger right now".
(function () {
  "use strict";
  var box = document.getElementById("id_immediate_danger");
  var numbers = document.getElementById("danger-numbers");
  if (!box || !numbers) {
    return;
  }
  function sync() {
    numbers.hidden = !box.checked;
  }
  box.addEventListener("change", sync);
  sync();
})();
