package io.oppflow.opportunity;

import java.time.LocalDate;

/** An activity to log: what was done, when, with whom. */
public record NewActivity(ActivityType type, LocalDate date, String contact, String note) {}
