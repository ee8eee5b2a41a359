// Live updates for the operator pages: listen to the worker's server-sent events and, when
// events arrive, fetch the page body again from the server (which escapes everything) and swap
// it in. The pages work without this script; it only saves a reload.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.hasAttribute("data-live") || !window.EventSource) {
    return;
  }
  var query = body.getAttribute("data-live");
  var status = document.getElementById("live-status");
  var count = document.getElementById("live-count");
  var list = document.getElementById("live-events");
  var region = document.getElementById("live-region");
  // The event types come from the page (the server's registry), never a list kept here.
  var types = (body.getAttribute("data-event-types") || "").split(",").filter(Boolean);
  var received = 0;
  var timers = [];

  function refresh() {
    var url = new URL(window.location.href);
    url.searchParams.set("fragment", "1");
    fetch(url.toString(), { headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && region) {
          region.innerHTML = html;
          body.setAttribute("data-refreshed", String(Date.now()));
        }
      })
      .catch(function () { /* the next event tries again */ });
  }

  function schedule() {
    // The fold writes the tables just after the event is published: look twice.
    timers.forEach(clearTimeout);
    timers = [setTimeout(refresh, 700), setTimeout(refresh, 2500)];
  }

  function onEvent(message) {
    var event;
    try {
      event = JSON.parse(message.data);
    } catch (error) {
      return;
    }
    received += 1;
    count.textContent = String(received);
    var item = document.createElement("li");
    var sentence = event.sentence && event.sentence.text ? event.sentence.text : "";
    item.textContent = (event.process || "?") + " · " + (event.type || message.type) +
      ": " + sentence;
    item.className = "live-event";
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 20) {
      list.removeChild(list.lastChild);
    }
    schedule();
  }

  var source = new EventSource("/api/events/stream" + (query ? "?" + query : ""));
  source.onopen = function () {
    status.textContent = "connected";
    body.setAttribute("data-live-state", "open");
  };
  source.onerror = function () {
    status.textContent = "reconnecting";
    body.setAttribute("data-live-state", "reconnecting");
  };
  types.forEach(function (type) { source.addEventListener(type, onEvent); });
  window.addEventListener("pagehide", function () { source.close(); });
})();
