// Benchmark driver for medmon's DICOM reader, built by `make bench-dicom`
// together with the sources of Sources/Core/DICOM into one module.
//
// Usage: dicom-bench parse|walk DIR THREADS PASSES
//   parse  reads every file's header up to Pixel Data and decodes every
//          top-level value (text, numbers, tags) with DICOMReader
//   walk   opens every file and reads its first 16 KiB
// Prints files per second for each pass and the peak resident set size
// after each pass, so a growing footprint shows.

#if canImport(Glibc)
  import Glibc
#endif

/// Lists regular files under `root`, depth first.
func listFiles(_ root: String) -> [String] {
  var result: [String] = []
  var pending = [root]
  while let directory = pending.popLast() {
    guard let handle = opendir(directory) else { continue }
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      let path = directory + "/" + name
      if entry.pointee.d_type == DT_DIR { pending.append(path) } else { result.append(path) }
    }
    closedir(handle)
  }
  return result.sorted()
}

/// Parses one file and decodes its top-level values; returns a number
/// that depends on the values so the work cannot be optimised away.
func parse(_ path: String) -> Int {
  let result = DICOMReader.read(path: path)
  var checksum = result.error == nil ? 0 : 1
  for element in result.dataSet.elements {
    for value in result.dataSet.strings(of: element) { checksum &+= value.utf8.count }
  }
  return checksum
}

func walk(_ path: String, _ buffer: UnsafeMutableRawPointer) -> Int {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { return 0 }
  defer { close(descriptor) }
  return read(descriptor, buffer, 16 * 1024)
}

final class Job {
  let files: [String]
  let mode: String
  let thread: Int
  let threads: Int
  var checksum = 0

  init(files: [String], mode: String, thread: Int, threads: Int) {
    self.files = files
    self.mode = mode
    self.thread = thread
    self.threads = threads
  }

  func run() {
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 16 * 1024, alignment: 8)
    defer { buffer.deallocate() }
    var index = thread
    while index < files.count {
      checksum &+= mode == "walk" ? walk(files[index], buffer) : parse(files[index])
      index += threads
    }
  }
}

func seconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func peakMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

@main
enum DICOMBench {
  static func main() {
    let arguments = CommandLine.arguments
    guard arguments.count == 5, let threads = Int(arguments[3]), let passes = Int(arguments[4])
    else {
      fputs("usage: dicom-bench parse|walk DIR THREADS PASSES\n", stderr)
      exit(2)
    }
    let files = listFiles(arguments[2])
    for pass in 1...passes {
      let jobs = (0..<threads).map {
        Job(files: files, mode: arguments[1], thread: $0, threads: threads)
      }
      let start = seconds()
      var handles: [pthread_t] = []
      for job in jobs {
        var handle = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        pthread_create(
          &handle, nil,
          { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.run()
            return nil
          }, context)
        handles.append(handle)
      }
      for handle in handles { pthread_join(handle, nil) }
      let elapsed = seconds() - start
      let checksum = jobs.reduce(0) { $0 &+ $1.checksum }
      let rate = Double(files.count) / elapsed
      print(
        "\(arguments[1]) pass \(pass): \(files.count) files in \(elapsed) s, \(Int(rate)) files/s, "
          + "\(threads) threads, peak RSS \(Int(peakMegabytes())) MB, checksum \(checksum)")
    }
  }
}
