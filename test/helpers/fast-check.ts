/**
 * fast-check's default size ("small") makes arrays and strings of about ten elements whatever their maxLength:
 * a property over a chunked decoder or a word-at-a-time scan would then never see a long input. "medium"
 * lets generated values reach their bounds often enough (its cost is a few seconds of the suite).
 */
import fc from "fast-check";

fc.configureGlobal({ baseSize: "medium" });
