package org.jicha.audit;

import java.io.IOException;
import java.util.List;

/** Lets tests of other packages read the sample batch's expected findings. */
public final class SampleDataIntegrationTestsAccess {

    private SampleDataIntegrationTestsAccess() {
    }

    public static List<String> expected() throws IOException {
        return SampleDataIntegrationTests.expectedFindings();
    }
}
