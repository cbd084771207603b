package org.jicha.web;

/**
 * A feature's answers to its named exceptions, as HTTP problem details (RFC 9457): each feature declares one bean
 * of this type, and {@link ApiExceptionHandler} (the API) and {@link PageErrors} (the pages) answer from them. The
 * web package knows no feature's exception, so the features may use its page layout without a cycle; an exception
 * declared twice stops the application at start.
 */
public interface Problems {

    /** Declares the status (and any extra properties) of each of the feature's exceptions a request may meet. */
    void declare(ProblemMap problems);
}
