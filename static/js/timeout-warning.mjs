// Warns before an idle session ends and offers to keep it (WCAG 2.2.1).
//
// The server forgets a session after a period with no requests. A minute or
// two before that, this shows a message with a button that sends the small
// form inside it, which restarts the server's clock. If nothing happens, the
// page moves on to a page saying the answers were deleted, so nothing stays on
// screen for someone else to read.

export function startTimeoutWarning ($dialog) {
  if (!$dialog) {
    return
  }
  // The time left when the page was sent (the server's clock may have moved up to a
  // minute before this page), then the whole idle limit after "Keep my answers".
  const timeoutSeconds = Number($dialog.dataset.timeoutSeconds)
  const idleSeconds = Number($dialog.dataset.idleSeconds)
  const warnSeconds = Number($dialog.dataset.warnSeconds)
  const endedUrl = $dialog.dataset.endedUrl
  const $form = $dialog.querySelector('form')
  const $countdown = $dialog.querySelector('[data-countdown]')
  let warnTimer
  let endTimer
  let tick

  // The words come from the page, in its language ("{count} minutes", "{count} seconds").
  function describe (secondsLeft) {
    return secondsLeft > 60
      ? $dialog.dataset.minutes.replace('{count}', Math.ceil(secondsLeft / 60))
      : $dialog.dataset.seconds.replace('{count}', Math.max(secondsLeft, 0))
  }

  function show (secondsLeft) {
    $countdown.textContent = describe(secondsLeft)
    $dialog.hidden = false
    $dialog.querySelector('button').focus()
    tick = window.setInterval(function () {
      secondsLeft -= 10
      $countdown.textContent = describe(secondsLeft)
    }, 10000)
  }

  function schedule (secondsLeft) {
    window.clearTimeout(warnTimer)
    window.clearTimeout(endTimer)
    window.clearInterval(tick)
    const warnIn = Math.max(secondsLeft - warnSeconds, 0)
    warnTimer = window.setTimeout(function () {
      show(secondsLeft - warnIn)
    }, warnIn * 1000)
    endTimer = window.setTimeout(function () {
      window.location.replace(endedUrl)
    }, secondsLeft * 1000)
  }

  $form.addEventListener('submit', function (event) {
    event.preventDefault()
    window.fetch($form.action, {
      method: 'POST',
      body: new window.FormData($form),
      credentials: 'same-origin'
    }).then(function (response) {
      if (response.ok) {
        $dialog.hidden = true
        schedule(idleSeconds)
      } else {
        window.location.replace(endedUrl)
      }
    })
  })

  schedule(timeoutSeconds)
}
