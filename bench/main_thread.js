// Benchmark only, never shipped: the baseline "Python on the main thread", as other
// Pyodide-in-docs sites load it. It stands in for the module Worker that python.js starts and
// runs the unchanged python-worker.js on the page's own thread, so the page, the wizard and the
// messages are the same as the product's; only the thread Python runs on differs.
// bench/browser.py puts this file in a temporary copy of the site and loads it before wizard.js.
// Cache Storage is hidden from the page, so the baseline starts plainly every time, as those
// sites do, and never from the product's memory snapshot.
(() => {
  Object.defineProperty(window, "caches", { value: undefined, configurable: true });
  const pagePostMessage = window.postMessage.bind(window);
  let current = null;

  // python-worker.js answers with self.postMessage(message): on the page, self is window.
  window.postMessage = (message, ...rest) => {
    if (rest.length === 0 && current) {
      current.deliver(message);
      return undefined;
    }
    return pagePostMessage(message, ...rest);
  };

  class MainThreadWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      current = this;
      this.loaded = import(new URL(url, location.href).href).catch((error) => {
        this.dispatchEvent(new ErrorEvent("error", { message: String(error) }));
        throw error;
      });
    }

    postMessage(data) {
      // Asynchronous, like a real worker; python-worker.js set self.onmessage when it loaded.
      this.loaded.then(() => setTimeout(() => window.onmessage({ data }), 0), () => {});
    }

    deliver(data) {
      const event = new MessageEvent("message", { data });
      if (typeof this.onmessage === "function") this.onmessage(event);
      this.dispatchEvent(event);
    }

    terminate() {
      if (current === this) current = null;
    }
  }

  window.Worker = MainThreadWorker;
})();
