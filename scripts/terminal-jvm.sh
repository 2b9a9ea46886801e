# Sourced by scripts/demo.sh, scripts/bench-cold-start.sh and scripts/package-deb.sh: the JVM options the terminal
# runs with, in the array terminal_jvm_opts, so the demo, the benchmark and the package's launcher start the same JVM.
# - The serial collector: one terminal process with a small heap on 2 cores, where G1's regions and threads cost
#   memory and start time and buy nothing; the heap starts at 32 MB and grows as needed (the JVM's default commits
#   1/64 of the machine's memory at once).
# - C2, the optimising compiler, takes a method ten times later than by default (its four Tier4 thresholds times 10):
#   a start runs thousands of methods a few hundred times each, and C2 compiling them was the start's largest single
#   cost (0.9 s of the 3.3 s of CPU to the attract screen on 2 cores, more than the JavaFX thread). Code that is
#   really hot (QR decoding of camera frames, PDF rendering, the crypto) still reaches C2 within its first seconds of
#   work and runs as fast as before (scripts/bench-qr.sh and bench-printing.sh: per-frame and per-certificate times
#   unchanged; C1 alone, -XX:TieredStopAtLevel=1, starts faster still but decodes frames 1.6x slower).
terminal_jvm_opts=(
  -XX:+UseSerialGC -Xms32m -Xmx512m
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
)
