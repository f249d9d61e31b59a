package dev.lambdakit.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as the Invoke API names it: {@code name}, {@code name:qualifier}, a partial ARN
 * {@code 123456789012:function:name} or a full ARN, with an optional {@code ?Qualifier=}. Region and account are
 * null when the text does not name them.
 */
record FunctionName(String name, String qualifier, String region, String accountId) {

    /** The Invoke API's own constraint on {@code FunctionName}, as its validation error quotes it. */
    static final String CONSTRAINT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
            + "(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    private static final Pattern FORM = Pattern.compile("(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):)?"
            + "(?:(\\d{12}):function:)?([a-zA-Z0-9_-]{1,64})(?::([a-zA-Z0-9$_-]+))?");

    /** The name, or null when the text is not a function name Lambda would accept. */
    static FunctionName parse(String text, String queryQualifier) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String qualifier = m.group(4) != null ? m.group(4) : queryQualifier;
        return new FunctionName(m.group(3), qualifier, m.group(1), m.group(2));
    }
}
