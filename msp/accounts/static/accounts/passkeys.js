// Plain English for django-otp-webauthn's passkey scripts, which call a global
// gettext() for their words (normally Django's JavaScript catalogue, a script
// we do not need). Loaded as a classic script before the library's module.
// After a passkey is added, go to the page that names it.
(function () {
  "use strict";
  var words = {
    "Register a Passkey": "Add a passkey",
    "Registering...": "Waiting for your passkey…",
    "Finishing registration...": "Saving your passkey…",
    "Registration successful!": "Your passkey has been added",
    "Registration aborted.": "Adding a passkey was stopped. You can try again",
    "Registration aborted or not allowed.": "Adding a passkey was cancelled or not allowed. You can try again",
    "Registration failed. You most likely already have a Passkey registered for this site.":
      "This passkey is already set up for your account",
    "Registration failed. A technical problem occurred that prevents you from registering a Passkey for this site.":
      "Your passkey cannot be used with this service. Use an authenticator app instead",
    "Registration failed. Unable to fetch registration options from server.":
      "Your passkey could not be added. Reload the page and try again",
    "Registration failed. The server was unable to verify this passkey.":
      "Your passkey could not be checked. Try again",
    "Registration failed. A server error occurred.": "Your passkey could not be added. Try again later",
    "Registration failed. An unknown error occurred.": "Your passkey could not be added. Try again",
    "An error occurred during registration.": "Your passkey could not be added. Try again",
    "Verify with Passkey": "Use your passkey",
    "Verifying...": "Waiting for your passkey…",
    "Finishing verification...": "Checking your passkey…",
    "Verification successful!": "Your passkey has been accepted",
    "Verification aborted.": "Using your passkey was stopped. You can try again",
    "Verification canceled or not allowed.": "Using your passkey was cancelled or not allowed. You can try again",
    "Verification failed. Could not retrieve parameters from the server.":
      "Your passkey could not be used. Reload the page and try again",
    "Verification failed. A server error occurred.": "Your passkey could not be checked. Try again later",
    "Verification failed. An unknown server error occurred.": "Your passkey could not be checked. Try again later",
    "Verification failed. An unknown error occurred.": "Your passkey could not be checked. Try again",
    "An error occurred during verification.": "Your passkey could not be checked. Try again"
  };
  window.gettext = function (text) {
    return Object.prototype.hasOwnProperty.call(words, text) ? words[text] : text;
  };

  // Too many failed attempts: the server signed the user out and answered with
  // the lock-out page (status 429). Say so in place of the library's message.
  document.addEventListener("otp_webauthn.verification_failed", function (event) {
    var response = event.detail && event.detail.response;
    if (!response || response.status !== 429) {
      return;
    }
    var config = JSON.parse(document.getElementById("otp_webauthn_config").textContent);
    var status = document.getElementById("passkey-verification-status-message");
    var button = document.getElementById("passkey-verification-button");
    if (status) {
      status.textContent = config.lockedOutMessage;
    }
    if (button) {
      button.disabled = true;
    }
  });

  document.addEventListener("otp_webauthn.register_complete", function (event) {
    var response = event.detail && event.detail.response;
    if (!response || !response.redirect_url) {
      return;
    }
    var target = new URL(response.redirect_url, window.location.origin);
    var next = document.querySelector("input[name='next']");
    if (next && next.value) {
      target.searchParams.set("next", next.value);
    }
    window.location.assign(target.toString());
  });
})();
