# Sourced by scripts/demo.sh, scripts/bench-cold-start.sh and scripts/package-deb.sh: the JVM options the terminal
# runs with, in the array terminal_jvm_opts, so the demo, the benchmark and the package's launcher start the same JVM.
# - The serial collector: one terminal process with a small heap on 2 cores, where G1's regions and threads cost
#   memory and start time and buy nothing; the heap starts at 32 MB and grows as needed (the JVM's default commits
#   1/64 of the machine's memory at once). After a collection it keeps 10-30 % of the heap free (the JVM's default
#   40-70 %): the heap grows by less at each step and gives back more, on a terminal board of 4 GB that also runs
#   the desktop, CUPS and pcscd (the demo's peak to exit, its embedded platform starting after the first screen:
#   median 396 against 420 MiB over five pairs of runs, start unchanged).
# - C2, the optimising compiler, takes a method ten times later than by default (its four Tier4 thresholds times 10):
#   a start runs thousands of methods a few hundred times each, and C2 compiling them was the start's largest single
#   cost (0.9 s of the 3.3 s of CPU to the attract screen on 2 cores, more than the JavaFX thread). Code that is
#   really hot still reaches C2 within its first seconds of work: QR decoding of camera frames 14.3 against 14.5 ms
#   a frame (median, scripts/bench-qr.sh's frames), a certificate 6.5 against 5.7 ms after 100 warm-up certificates
#   (bench-printing.sh; a few of its methods not at C2 yet). C1 alone (-XX:TieredStopAtLevel=1) starts faster still
#   but decodes frames 1.6 times slower (23.5 ms) for good.
terminal_jvm_opts=(
  -XX:+UseSerialGC -Xms32m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
)
