// Starts the GOV.UK Frontend components the service uses, and nothing else.
import {
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
  createAll
} from 'govuk-frontend'

import { startTimeoutWarning } from './timeout-warning.mjs'

for (const Component of [Button, CharacterCount, Checkboxes, ErrorSummary, ExitThisPage, NotificationBanner, Radios, ServiceNavigation, SkipLink]) {
  createAll(Component)
}

startTimeoutWarning(document.querySelector('[data-module="app-timeout-warning"]'))

// A print button is only useful when script can open the print dialogue.
for (const $button of document.querySelectorAll('[data-module="app-print"]')) {
  $button.hidden = false
  $button.addEventListener('click', function () {
    window.print()
  })
}
