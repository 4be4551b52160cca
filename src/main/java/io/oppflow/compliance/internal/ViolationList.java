package io.oppflow.compliance.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** The stage entries of a scope that no gate allowed, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ViolationList(LocalDate from, LocalDate to, String orgUnit, io.oppflow.funnel.OwnerAt ownerAt, long count, List<Violation> violations) {}
