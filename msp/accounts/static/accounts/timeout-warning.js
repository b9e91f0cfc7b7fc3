// The timeout warning (GOV.UK pattern): a modal dialog before the idle timeout
// ends, with "Stay signed in" (a request that restarts the timeout) and
// "Sign out". Tabs share the time of the last request through localStorage.
const KEY = "msp-last-activity";

function lastActivity() {
  try {
    return Number(window.localStorage.getItem(KEY)) || 0;
  } catch {
    return 0;
  }
}

function touch(now) {
  try {
    window.localStorage.setItem(KEY, String(now));
  } catch {
    // Private browsing: this tab keeps its own time.
  }
  return now;
}

function spoken(seconds) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

function start(dialog) {
  if (typeof dialog.showModal !== "function") return;
  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const warningPart = dialog.querySelector("[data-timeout-part=warning]");
  const endedPart = dialog.querySelector("[data-timeout-part=ended]");
  const countdown = dialog.querySelector("[data-timeout-countdown]");
  const announce = dialog.querySelector("[data-timeout-announce]");
  const stay = dialog.querySelector("[data-timeout-stay]");
  const close = dialog.querySelector("[data-timeout-close]");
  const token = dialog.querySelector("input[name=csrfmiddlewaretoken]");
  let since = touch(Date.now());
  let ended = false;
  let returnFocus = null;
  let lastSpoken = "";

  function open() {
    if (dialog.open) return;
    returnFocus = document.activeElement;
    dialog.showModal();
    dialog.querySelector(ended ? "#timeout-ended-title" : "#timeout-warning-title").focus();
  }

  function shut() {
    if (dialog.open) dialog.close();
    if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
  }

  function end() {
    ended = true;
    warningPart.hidden = true;
    endedPart.hidden = false;
    dialog.setAttribute("aria-labelledby", "timeout-ended-title");
    if (dialog.open) dialog.close();
    open();
  }

  function tick() {
    if (ended) return;
    since = Math.max(since, lastActivity());
    const left = since + idle - Date.now();
    if (left <= 0) {
      end();
      return;
    }
    if (left > warning) {
      if (dialog.open) shut(); // another tab kept the session going
      return;
    }
    const seconds = Math.ceil(left / 1000);
    countdown.textContent = spoken(seconds);
    // Announce each minute, then at 30 and 10 seconds, not every second.
    const words = seconds > 60 ? spoken(seconds) : seconds <= 10 ? spoken(10) : seconds <= 30 ? spoken(30) : spoken(60);
    if (!dialog.open) open();
    if (words !== lastSpoken) {
      lastSpoken = words;
      announce.textContent = `We will sign you out in ${spoken(seconds)}.`;
    }
  }

  async function stayed() {
    try {
      const response = await fetch(dialog.dataset.keepAliveUrl, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": token ? token.value : "" },
      });
      if (response.status !== 204) {
        end();
        return;
      }
    } catch {
      return; // offline: the warning comes back at the next tick
    }
    since = touch(Date.now());
    lastSpoken = "";
    announce.textContent = "";
    shut();
  }

  stay.addEventListener("click", stayed);
  close.addEventListener("click", shut);
  dialog.addEventListener("cancel", (event) => {
    // Escape: on the warning it means "stay signed in", as the pattern says.
    event.preventDefault();
    if (ended) shut();
    else stayed();
  });
  window.setInterval(tick, 1000);
}

document.querySelectorAll("[data-module=msp-timeout-warning]").forEach(start);
