// The claim-lens command line. Filled in by the CLI work.
process.stdout.write('claim-lens: not implemented yet\n');
process.exitCode = 2;
