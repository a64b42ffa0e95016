from uitvoerbaar.manage import main

main()
