package org.safenest.dispatch.internal.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.error.SafenestException;
import org.safenest.dispatch.internal.DispatchAdmin;
import org.safenest.dispatch.internal.RuleFiles;

/** {@code safenest:dispatch-validate}: checks rule files without publishing them. */
@Command(scope = "safenest", name = "dispatch-validate", description = "Checks dispatch rule files against the region's case types, "
        + "districts and offices and against the versions already published, without publishing anything: a folder (or its "
        + "versions.csv) with the rule files it names, or one rule file whose '#' header names its version. Prints each error "
        + "with its file and line, or OK.")
@Service
public class DispatchValidateCommand implements Action {

    @Reference
    DispatchAdmin admin;

    @Argument(index = 0, name = "region", description = "The region code, such as kaohsiung", required = true)
    @Completion(RegionCodes.class)
    String region;

    @Argument(index = 1, name = "path", description = "A folder holding versions.csv and its rule files, the versions.csv itself, "
            + "or a single rule file with a '# version: N' header", required = true)
    @Completion(FileCompleter.class)
    String path;

    @Override
    public Object execute() throws Exception {
        Path p = Path.of(path).toAbsolutePath().normalize();
        RuleFiles files;
        if (Files.isDirectory(p)) {
            files = RuleFiles.of(p);
        } else if (Files.isRegularFile(p) && p.getFileName().toString().equals(RuleFiles.VERSIONS)) {
            files = RuleFiles.of(p.getParent());
        } else if (Files.isRegularFile(p)) {
            files = RuleFiles.of(java.util.Map.of(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)), p.toString());
        } else {
            System.out.println("No such file or folder: " + p);
            return null;
        }
        try {
            List<RuleFileError> errors = admin.validate(region, files);
            if (errors.isEmpty()) {
                System.out.println("OK: " + files.describe() + " is valid for region " + region);
            } else {
                for (RuleFileError e : errors) {
                    System.out.println(e.source() + ":" + e.line() + ": " + e.message());
                }
                System.out.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
            }
        } catch (SafenestException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
