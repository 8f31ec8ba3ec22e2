/* The LMS side of the SCORM tests: scorm-again's API as window.API (1.2) or window.API_1484_11
 * (2004), and the package's launch file in a frame, as an LMS's player does it. The test calls
 * startCourse() and reads what the LMS received with lmsData() and window.lmsCalls. */
(function () {
  "use strict";
  window.lmsCalls = [];
  var api = null;

  window.startCourse = function (version, launchUrl, saved) {
    var v12 = version === "1.2";
    api = v12 ? new window.Scorm12API({ logLevel: 5 }) : new window.Scorm2004API({ logLevel: 5 });
    if (saved) api.loadFromJSON(saved);  // what the LMS kept from an earlier session
    (v12 ? ["LMSInitialize", "LMSCommit", "LMSFinish"] : ["Initialize", "Commit", "Terminate"])
      .forEach(function (name) { api.on(name, function () { window.lmsCalls.push(name); }); });
    window[v12 ? "API" : "API_1484_11"] = api;
    var frame = document.createElement("iframe");
    frame.id = "lms-frame";
    frame.title = "Course";
    frame.width = "1100";
    frame.height = "900";
    frame.src = launchUrl;
    document.querySelector("main").appendChild(frame);
  };

  /* The CMI data model as the LMS holds it (the "cmi" object). */
  window.lmsData = function () {
    var data = JSON.parse(api.renderCMIToJSONString());
    return data.cmi || data;
  };

  /* The LMS closes the course: the frame goes away (the SCO gets pagehide). */
  window.closeCourse = function () {
    var frame = document.getElementById("lms-frame");
    frame.parentNode.removeChild(frame);
  };
})();
