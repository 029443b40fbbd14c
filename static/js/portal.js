// Progressive enhancement only: every page works without this file (DESIGN: Layout).
// DKFDS components (error summary focus, accordions, ...) start here, not in inline script,
// so the CSP can stay 'self' only.
(function () {
  'use strict';
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
}());
