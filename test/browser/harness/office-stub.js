// Stand-in for office.js in headless Chromium (served instead of the CDN script by test/browser/harness).
// It is NOT a fake workbook: it records what the add-in registers (ribbon actions, custom functions) and answers the
// Office/Excel calls the page makes at start-up harmlessly, so a smoke test can load dist/taskpane.html.
// A richer fake Excel host can replace `Excel` through the harness `initScript` option (set window.__excelFake).
// Config (optional, set before this script runs): window.__officeStubConfig = { displayLanguage, sets: { ExcelApi: "1.17" } }.
(function () {
  "use strict";
  var config = window.__officeStubConfig || {};
  var sets = Object.assign(
    { ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4", RibbonApi: "1.2", DialogApi: "1.2" },
    config.sets || {},
  );

  var record = {
    actions: {}, // Office.actions.associate: id -> handler
    functions: {}, // CustomFunctions.associate: id -> implementation
    completedEvents: [],
    dialogs: [],
    excelRuns: 0,
    settings: {},
    settingsSaves: 0,
  };
  window.__officeStub = record;

  function versionAtMost(wanted, available) {
    var w = String(wanted || "1.1").split(".").map(Number);
    var a = String(available).split(".").map(Number);
    for (var i = 0; i < Math.max(w.length, a.length); i++) {
      var d = (a[i] || 0) - (w[i] || 0);
      if (d !== 0) return d > 0;
    }
    return true;
  }

  // ---- Office ----
  var readyInfo = { host: "Excel", platform: "PC" };
  var settingsStore = record.settings;
  var Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    StartupBehavior: { none: "None", load: "Load" },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    initialize: undefined,
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof Office.initialize === "function") Office.initialize("");
          if (typeof callback === "function") callback(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    actions: {
      associate: function (id, handler) {
        record.actions[id] = handler;
      },
    },
    addin: {
      showAsTaskpane: function () {
        return Promise.resolve();
      },
      hide: function () {
        return Promise.resolve();
      },
      onVisibilityModeChanged: function () {
        return Promise.resolve(function () {
          return Promise.resolve();
        });
      },
      setStartupBehavior: function () {
        return Promise.resolve();
      },
      getStartupBehavior: function () {
        return Promise.resolve("None");
      },
    },
    ribbon: {
      requestUpdate: function () {
        return Promise.resolve();
      },
    },
    context: {
      displayLanguage: config.displayLanguage || "zh-CN",
      contentLanguage: config.displayLanguage || "zh-CN",
      host: "Excel",
      platform: "PC",
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.0.0" },
      requirements: {
        isSetSupported: function (name, version) {
          return Object.prototype.hasOwnProperty.call(sets, name) && versionAtMost(version, sets[name]);
        },
      },
      document: {
        settings: {
          get: function (key) {
            return Object.prototype.hasOwnProperty.call(settingsStore, key) ? settingsStore[key] : null;
          },
          set: function (key, value) {
            settingsStore[key] = value;
          },
          remove: function (key) {
            delete settingsStore[key];
          },
          saveAsync: function (options, callback) {
            var cb = typeof options === "function" ? options : callback;
            record.settingsSaves++;
            if (cb) setTimeout(function () { cb({ status: "succeeded", value: undefined }); }, 0);
          },
          refreshAsync: function (callback) {
            if (callback) setTimeout(function () { callback({ status: "succeeded", value: Office.context.document.settings }); }, 0);
          },
          addHandlerAsync: function (_type, _handler, options, callback) {
            var cb = typeof options === "function" ? options : callback;
            if (cb) setTimeout(function () { cb({ status: "succeeded" }); }, 0);
          },
        },
      },
      ui: {
        displayDialogAsync: function (url, options, callback) {
          var cb = typeof options === "function" ? options : callback;
          record.dialogs.push(String(url));
          var dialog = { close: function () {}, addEventHandler: function () {}, messageChild: function () {} };
          if (cb) setTimeout(function () { cb({ status: "succeeded", value: dialog }); }, 0);
        },
        messageParent: function () {},
      },
    },
  };

  // ---- Excel: a harmless null object unless a test supplies a fake host ----
  // Any property chain resolves, load() returns the proxy, collections are empty, isNullObject is true.
  function nullObject(path) {
    var proxy = new Proxy(function () {}, {
      get: function (_t, prop) {
        if (prop === "then") return undefined; // never look like a Promise
        if (prop === "items") return [];
        if (prop === "isNullObject") return true;
        if (prop === "toJSON") return function () { return {}; };
        if (prop === Symbol.toPrimitive) return function () { return ""; };
        if (prop === "load" || prop === "track" || prop === "untrack") return function () { return proxy; };
        if (prop === "values" || prop === "formulas" || prop === "numberFormat" || prop === "text") return [];
        return nullObject(path + "." + String(prop));
      },
      apply: function () {
        return nullObject(path + "()");
      },
    });
    return proxy;
  }
  function requestContext() {
    return {
      workbook: nullObject("workbook"),
      application: nullObject("application"),
      runtime: nullObject("runtime"),
      trackedObjects: { add: function () {}, remove: function () {} },
      sync: function () {
        return Promise.resolve();
      },
    };
  }
  var ExcelStub = {
    run: function (a, b) {
      var batch = typeof a === "function" ? a : b;
      record.excelRuns++;
      return Promise.resolve().then(function () {
        return batch(requestContext());
      });
    },
    RequestContext: requestContext,
  };
  var Excel =
    window.__excelFake ||
    new Proxy(ExcelStub, {
      get: function (t, prop) {
        return prop in t ? t[prop] : nullObject("Excel." + String(prop));
      },
    });

  // ---- CustomFunctions ----
  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message;
  }
  var CustomFunctions = {
    associate: function (idOrMap, fn) {
      if (typeof idOrMap === "string") record.functions[idOrMap] = fn;
      else Object.keys(idOrMap).forEach(function (k) { record.functions[k] = idOrMap[k]; });
    },
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  // ---- OfficeRuntime ----
  var storage = {};
  var OfficeRuntime = {
    storage: {
      getItem: function (k) { return Promise.resolve(k in storage ? storage[k] : null); },
      setItem: function (k, v) { storage[k] = String(v); return Promise.resolve(); },
      removeItem: function (k) { delete storage[k]; return Promise.resolve(); },
    },
  };

  // ---- helpers for tests ----
  /** Press a ribbon button: resolves with the completed() options, or rejects after timeoutMs. */
  record.invokeAction = function (id, timeoutMs) {
    var handler = record.actions[id];
    if (typeof handler !== "function") return Promise.reject(new Error("no action registered: " + id));
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { reject(new Error("event.completed() not called for " + id)); }, timeoutMs || 10000);
      var event = {
        source: { id: id },
        completed: function (options) {
          clearTimeout(timer);
          record.completedEvents.push(id);
          resolve(options === undefined ? null : options);
        },
      };
      try {
        handler(event);
      } catch (e) {
        // A handler that throws synchronously must still complete its event; the timer reports it if not.
        record.lastActionError = String(e);
      }
    });
  };

  window.Office = Office;
  window.Excel = Excel;
  window.CustomFunctions = CustomFunctions;
  window.OfficeRuntime = OfficeRuntime;
})();
