package org.gansweep.engine.gaussinit;

/**
 * Mean, population std and a normality statistic of one output's samples. Normality: Jarque-Bera,
 * JB = n/6 (S^2 + K^2/4) with S the skewness and K the excess kurtosis; about chi-square(2) for normal data
 * (5.99 is its 95% point), large when the output is skewed or heavy/light-tailed.
 */
record SampleMoments(double mean, double std, double jarqueBera) {
    static SampleMoments of(double[] x) {
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        // StrictMath: Math.pow may be intrinsified differently per JVM and processor; these statistics are
        // results, so they must be the same bits everywhere, like the fused kernel that feeds them.
        double skew = m3 / StrictMath.pow(m2, 1.5);
        double kurt = m4 / (m2 * m2) - 3;
        return new SampleMoments(mean, Math.sqrt(m2), n / 6.0 * (skew * skew + kurt * kurt / 4));
    }
}
