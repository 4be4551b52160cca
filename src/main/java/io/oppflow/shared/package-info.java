/**
 * The shared kernel every module may use: the bilingual {@link io.oppflow.shared.Message}, the
 * {@link io.oppflow.shared.FieldError} of invalid input and {@link io.oppflow.shared.ProblemException},
 * the refusal that carries its own HTTP status and problem detail, so that every door answers it alike
 * without knowing the module it comes from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.oppflow.shared;
