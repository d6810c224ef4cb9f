// Runs first, before the page is drawn. Loaded as a classic script at the top
// of <body> so that GOV.UK Frontend's styles for script-enhanced components
// apply from the first paint.
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')

// If the browser restores this page from its back/forward cache (for example
// after someone used Exit this page and then pressed Back), fetch it again so
// the server decides what may be shown. After an exit, that is the start page.
window.addEventListener('pageshow', function (event) {
  if (event.persisted) {
    window.location.reload()
  }
})
