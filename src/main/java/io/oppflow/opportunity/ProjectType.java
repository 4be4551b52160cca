package io.oppflow.opportunity;

/** Large or small project, a funnel slice. */
public enum ProjectType {
  LARGE,
  SMALL
}
