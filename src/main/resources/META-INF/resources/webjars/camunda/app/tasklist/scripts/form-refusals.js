/*
 * oppflow: when Complete is refused, Tasklist says so in both languages and, when the form's own check refused it
 * (a required field left empty), names the fields to fill in.
 *
 * Tasklist reports any refused Complete as "An error happened while submitting the task form", followed by the
 * service's reason when the service refused it. When the Camunda Form's own check refuses it (e.g. 丢单原因 / Loss
 * reason, required once "Mark as lost" is chosen), no request is sent and that heading stood alone, in English,
 * as if something had broken, beside form-js's "Field is required." under the field. This changes that one
 * notification: a bilingual heading, and the labels of the fields the form marks in red.
 */
const angular = window.angular;

const NOT_COMPLETED = '任务未完成 / The task was not completed';
const FILL_IN = '请填写或更正标红的字段 / Fill in or correct the fields marked in red: ';

/** The labels of the fields of the open task form that show an error, e.g. "丢单原因 / Loss reason". */
function refusedFields() {
  const labels = [];
  document.querySelectorAll('.fjs-form-field').forEach(function (field) {
    if (!field.querySelector('.fjs-form-field-error')) {
      return;
    }
    const label = field.querySelector('label');
    const text = label && label.textContent.replace(/\*\s*$/, '').trim();
    if (text && labels.indexOf(text) < 0) {
      labels.push(text);
    }
  });
  return labels;
}

// Notifications is one shared service of the webapps, registered outside cam.tasklist: changed once it exists
angular.module('cam.tasklist').run(['Notifications', '$translate', '$timeout', function (notifications, $translate, $timeout) {
  const addError = notifications.addError;
  notifications.addError = function (notification) {
    if (!notification || notification.status !== $translate.instant('COMPLETE_ERROR')) {
      return addError.apply(notifications, arguments);
    }
    const changed = angular.extend({}, notification, {status: NOT_COMPLETED});
    if (changed.message) {
      return addError.call(notifications, changed);
    }
    // the form's own check refused it: once form-js has marked the fields it refused, name them
    $timeout(function () {
      const fields = refusedFields();
      changed.message = fields.length ? FILL_IN + fields.join('、') : '';
      addError.call(notifications, changed);
    });
  };
}]);
