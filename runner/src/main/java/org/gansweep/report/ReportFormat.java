package org.gansweep.report;

import java.io.IOException;

/** Writes a sweep report in one format. Implementations are package-private; get them from {@link ReportFormatType}. */
public interface ReportFormat {
    void write(SweepReport report, Appendable out) throws IOException;
}
