/*
 * oppflow: right after Complete, a rep who asked for a gate exception is told that it went to the managers, with a
 * link to the request and the filter to follow it in.
 *
 * After every completion Tasklist lists the tasks of the same process now assigned to the user ("You are assigned
 * to the following tasks in the same process", its assignNotification service); a request leaves the rep none, so
 * Tasklist said nothing and the task just vanished. This extends that same step: it also asks for the approval
 * tasks of the process that the user owns (the requester owns the approval task and may only read it) and names
 * them in a notification. Tasklist 7.24 is the last Camunda 7 CE release, so the service extended here stays as it is.
 */
const angular = window.angular;

const FILTER = '我的例外申请 / My exception requests';

function escapeHtml(text) {
  const element = document.createElement('div');
  element.appendChild(document.createTextNode(text));
  return element.innerHTML;
}

function link(task) {
  return '<a href="#/?forceDisplayTask=true&task=' + encodeURIComponent(task.id) + '">'
      + escapeHtml(task.name || task.taskDefinitionKey) + '</a>';
}

angular.module('cam.tasklist').config(['$provide', function ($provide) {
  $provide.decorator('assignNotification', ['$delegate', '$rootScope', 'camAPI', 'Notifications',
    function (notifyAssigned, $rootScope, camAPI, Notifications) {
      const tasks = camAPI.resource('task');
      return function (query) {
        notifyAssigned(query);
        const me = $rootScope.authentication && $rootScope.authentication.name;
        if (!query || !query.processInstanceId || !me) {
          return;
        }
        const requests = {
          processInstanceId: query.processInstanceId,
          owner: me,
          taskDefinitionKeyLike: '%_ApproveException',
          maxResults: 15
        };
        tasks.list(requests, function (error, result) {
          const followed = (!error && result && result._embedded && result._embedded.task) || [];
          if (followed.length === 0) {
            return;
          }
          const links = followed.map(link).join(', ');
          Notifications.addMessage({
            status: '例外申请已提交 / Exception requested',
            message: '已交主管审批：' + links + '。可在“' + FILTER + '”中查看，主管决定后会回到您的任务中。<br>'
                + 'Sent to the managers for a decision: ' + links + '. Follow it under "' + FILTER
                + '"; once a manager decides, it comes back in your tasks.',
            unsafe: true,
            duration: 30000
          });
        });
      };
    }]);
}]);
