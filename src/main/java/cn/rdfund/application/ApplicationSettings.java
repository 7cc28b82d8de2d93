package cn.rdfund.application;

/**
 * Settings the application process reads in expressions (public: the expression language only calls
 * public types). The correction period is an ISO 8601 duration: P5D, PT10M in the demo profile.
 */
public record ApplicationSettings(String correctionPeriod) {
}
