import Foundation
import SafeFiles
import InputParsing

/// The folder a command writes its `--out` files into: checked before the work starts, written whole after it.
///
/// The files of one `write` go into a staging folder beside the target that is then renamed into place
/// (`StagedFolder`), so an interrupted run leaves the old folder or the new one, never a mix.
struct OutputFolder {
    /// The folder, as the user gave it.
    let path: String
    /// The flag that named it, for errors.
    let flag: String

    /// Checks that `path` takes new files or can be created (it is created when written); a problem is an error
    /// naming `flag`.
    init(_ path: String, flag: String = "--out") throws {
        self.path = path
        self.flag = flag
        do { try OutputCheck.folder(path) } catch {
            throw ConfigurationError(field: flag, value: path, reason: error.description)
        }
    }

    /// Writes every `(name, contents)` pair, all at once: staged beside the folder, then renamed into place.
    func write(_ files: [(String, Data)]) throws {
        do {
            let staged = try StagedFolder(target: path)
            for (name, data) in files { try staged.write(data, to: name) }
            try staged.commit()
        } catch {
            throw ConfigurationError(field: flag, value: path, reason: error.description)
        }
    }
}
