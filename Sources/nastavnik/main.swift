import CLI

NastavnikCLI.main()
