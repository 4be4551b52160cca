package io.oppflow.process.deployment;

import io.oppflow.organization.Role;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine's door for variables, whatever door the user came through (Tasklist, Cockpit,
 * {@code /engine-rest}): a signed-in user who is not an administrator writes process and task variables
 * only by completing a task, and only the fields that task's form declares. Setting, changing or
 * removing variables any other way, or completing a task with a variable its form does not have (say
 * {@code owner}, {@code orgUnit}, {@code gateExceptionId}, {@code gatePassed}), is refused with 400
 * before the command runs, so nothing is written.
 *
 * <p>The service's own calls carry no Camunda authentication and pass: they are the code that sets the
 * variables the product keeps. The variables a command carries are read from Camunda 7.24's command
 * classes; {@code VariableWriteGuardTests} fails if an engine upgrade changes them.
 */
public final class VariableWriteGuard extends CommandInterceptor {

  private final Supplier<IdentityService> identity;
  private final Supplier<TaskFormFields> formFields;

  VariableWriteGuard(Supplier<IdentityService> identity, Supplier<TaskFormFields> formFields) {
    this.identity = identity;
    this.formFields = formFields;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (isRestricted(identity.get().getCurrentAuthentication())) {
      check(command);
    }
    return next.execute(command);
  }

  private static boolean isRestricted(Authentication auth) {
    return auth != null && auth.getUserId() != null
        && (auth.getGroupIds() == null || !auth.getGroupIds().contains(Role.ADMIN.groupId()));
  }

  private void check(Command<?> command) {
    if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      throw new BadUserRequestException("流程和任务变量只能通过完成任务表单提交 / Process and task variables "
          + "can only be submitted through a task's form, by completing the task");
    }
    if (command instanceof CompleteTaskCmd) {
      checkFormFields(field(command, CompleteTaskCmd.class, "taskId"), field(command, CompleteTaskCmd.class, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkFormFields(field(command, SubmitTaskFormCmd.class, "taskId"), field(command, SubmitTaskFormCmd.class, "properties"));
    }
  }

  private void checkFormFields(Object taskId, Object variables) {
    if (!(variables instanceof Map<?, ?> submitted) || submitted.isEmpty() || taskId == null) {
      return;
    }
    Set<String> allowed = formFields.get().of(taskId.toString());
    Set<String> foreign = new TreeSet<>();
    submitted.keySet().forEach(name -> {
      if (!allowed.contains(String.valueOf(name))) {
        foreign.add(String.valueOf(name));
      }
    });
    if (!foreign.isEmpty()) {
      throw new BadUserRequestException("变量 " + foreign + " 不是此任务表单的字段，未做任何更改 / "
          + "Variables " + foreign + " are not fields of this task's form; nothing was changed. "
          + "Only the form's fields can be submitted: " + allowed);
    }
  }

  private static Object field(Object command, Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Camunda's " + declaring.getSimpleName() + " has no field '" + name
          + "': check VariableWriteGuard against this engine version", e);
    }
  }
}
