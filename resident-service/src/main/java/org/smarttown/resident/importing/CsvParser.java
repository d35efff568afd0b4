package org.smarttown.resident.importing;

import java.util.ArrayList;
import java.util.List;

import org.smarttown.commons.problem.Invalid;

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes (a quote inside doubled),
 * records ending in LF or CRLF, a UTF-8 BOM ignored. Broken quoting anywhere refuses the whole file
 * (400 naming the line), because a stray quote shifts every later field.
 */
final class CsvParser {

    /** One record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    private CsvParser() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Invalid("file", "line " + start + ": a quoted field is not closed");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new Invalid("file", "line " + line + ": text after a closing quote");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        if (text.charAt(i) == '"') {
                            throw new Invalid("file", "line " + line + ": a quote inside an unquoted field");
                        }
                        field.append(text.charAt(i++));
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    if (i < n && text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                records.add(new Record(start, fields));
            }
        }
        return records;
    }
}
