package cn.rdfund.application;

/**
 * A first submission reached the call after it had closed: the application was completed in time, but its
 * submission step ran only after the call closed and counted the applications it waits for.
 */
public class WindowClosed extends RuntimeException {

    WindowClosed(String callCode) {
        super("指南" + callCode + "已截止申报，本申报未能在截止前提交，未受理");
    }
}
