// Progressive enhancement only: every page works without this file (DESIGN: Layout).
// DKFDS components (error summary focus, accordions, the header's mobile drawer, ...) start
// here, not in inline script, so the CSP can stay 'self' only.
(function () {
  'use strict';
  // Before DKFDS starts: its header finds the menu button only when the button is shown, and
  // portal.css shows it (and hides the no-script header) only with this class.
  document.documentElement.classList.add('js');
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
}());
